import { performance } from "node:perf_hooks";
import { createTestDatabase } from "../test-database";
async function main() {
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const d = await createTestDatabase("try");
    console.log("createTestDatabase ms", Math.round(performance.now() - t), d.url);
    const t2 = performance.now(); await d.drop(); console.log("drop ms", Math.round(performance.now() - t2));
  }
}
main();
