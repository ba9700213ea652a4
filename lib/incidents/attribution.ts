/**
 * Who must be credited for rows of a dataset, and under which licence. The credit belongs to
 * the dataset and its release, not to the analyst's file: every UCDP import carries UCDP's
 * CC BY 4.0 attribution, whoever imported it. Shown on the incidents page, on each imported
 * row's page and in the footnotes that cite rows (lib/citations/format.ts). Pure, so the
 * formatter can use it on citation items without a database look-up.
 */

export type IncidentDataset = "UCDP_GED" | "ACLED" | "INHOUSE";

export type DatasetAttribution = {
  /** The credit line, in the words the data provider asks for (a proper name: not translated). */
  credit: string;
  /** Short licence name, e.g. "CC BY 4.0"; null when the data comes under terms of use. */
  licence: string | null;
  licenceUrl: string | null;
  /** The provider's site. */
  url: string;
};

const UCDP = "Uppsala Conflict Data Program, Uppsala University";
const CC_BY_4 = {
  licence: "CC BY 4.0",
  licenceUrl: "https://creativecommons.org/licenses/by/4.0/",
} as const;

/**
 * UCDP names its monthly candidate releases YY.0.M (e.g. 26.0.7) and its yearly GED
 * releases YY.1; the two are credited under different dataset names.
 */
function ucdpDatasetName(version: string | null): string {
  if (!version) return "UCDP Georeferenced Event Dataset (GED)";
  if (/^\d+\.0\.\d+$/.test(version)) return `UCDP Candidate Events Dataset v${version}`;
  return `UCDP Georeferenced Event Dataset (GED) Global version ${version}`;
}

/** The attribution of rows of `dataset` read from release `version`; null for in-house rows. */
export function datasetAttribution(
  dataset: IncidentDataset,
  version: string | null,
): DatasetAttribution | null {
  switch (dataset) {
    case "UCDP_GED":
      return {
        credit: `${ucdpDatasetName(version)}, ${UCDP}`,
        ...CC_BY_4,
        url: "https://ucdp.uu.se/",
      };
    case "ACLED":
      // ACLED data come under ACLED's terms of use, which ask for this credit; no open licence.
      return {
        credit: "Armed Conflict Location & Event Data (ACLED), acleddata.com",
        licence: null,
        licenceUrl: null,
        url: "https://acleddata.com/",
      };
    case "INHOUSE":
      return null;
  }
}

/** Dataset names as citation items store them (see lib/editor/citation.ts). */
const DATASET_OF_NAME: Record<string, IncidentDataset> = {
  "UCDP GED": "UCDP_GED",
  ACLED: "ACLED",
  "Briefroom in-house": "INHOUSE",
};

/** Same, for a cited row as a citation item names it ("UCDP GED", "26.0.7"). */
export function attributionOfCitedRow(item: {
  dataset: string;
  version: string;
}): DatasetAttribution | null {
  const dataset = DATASET_OF_NAME[item.dataset];
  return dataset ? datasetAttribution(dataset, item.version || null) : null;
}

/** "<credit> (CC BY 4.0)" or the credit alone: the sentence a footnote ends with. */
export function attributionText(attribution: DatasetAttribution): string {
  return attribution.licence
    ? `${attribution.credit} (${attribution.licence})`
    : attribution.credit;
}
