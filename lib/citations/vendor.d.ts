// Minimal typings for the untyped citation libraries, covering only what we call.

declare module "citeproc" {
  type Sys = {
    retrieveLocale: (lang: string) => string;
    retrieveItem: (id: string) => unknown;
  };
  type Engine = {
    updateItems(ids: string[]): void;
    rebuildProcessorState(citations: unknown[], mode?: "html" | "text" | "rtf"): unknown;
    makeBibliography(): unknown;
  };
  const CSL: {
    Engine: new (sys: Sys, style: string, lang?: string, forceLang?: boolean) => Engine;
  };
  export default CSL;
}

declare module "@citation-js/core" {
  export const plugins: {
    input: { format: (data: unknown) => string | undefined; list: () => string[] };
  };
  export class Cite {
    static async(data: unknown, options?: Record<string, unknown>): Promise<Cite>;
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
  }
  export namespace util {
    function parseInput(data: unknown, options?: Record<string, unknown>): unknown;
  }
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
