import { z } from "zod";

// Zod compiles object schemas with `new Function` when a page allows it, and finds out by
// trying: under our Content-Security-Policy (no 'unsafe-eval', see proxy.ts) the attempt is
// refused and reported as a violation. Its interpreted parsers are what run either way, so
// it is told up front, before any form or embed in the browser parses with it.
z.config({ jitless: true });
