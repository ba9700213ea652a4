import type { Extension, onStatelessPayload } from "@hocuspocus/server";
import { parseBriefSignal, signalPayload } from "../comments/signal";
import { collabContext } from "./context";

/**
 * Real-time comments without relaying anything a client wrote: after a comment action
 * succeeds, the browser sends the stateless ping COMMENT_SIGNAL; this extension checks that
 * the payload is exactly that ping (size-limited, parsed, no extra keys) from an
 * authenticated connection, and broadcasts the server's own constant to the document's
 * other connections, which then refetch threads through the authorized server action.
 * The same holds for the workflow ping (a review step happened: pages refresh). Anything
 * else is dropped. Read-only connections may send it too: viewers may comment
 * when their workspace allows it, and the refetch is authorized on its own.
 */
export class CommentSignalExtension implements Extension {
  extensionName = "BriefCommentSignal";

  async onStateless({ payload, connection, document }: onStatelessPayload): Promise<void> {
    const signal = parseBriefSignal(payload);
    if (!collabContext(connection.context) || !signal) return;
    document.broadcastStateless(signalPayload(signal), (other) => other !== connection);
  }
}
