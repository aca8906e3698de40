// Open and save files exactly as Decap CMS does, with its own front-matter code (decap-cms-core's
// formats/frontmatter.js, installed from npm): read JSON {files: [...], fields: {path: [keys]}} on
// stdin, write {path: savedText} on stdout.
import { register } from "node:module";

register("data:text/javascript," + encodeURIComponent(`
  export async function resolve(specifier, context, next) {
    try { return await next(specifier, context); }
    catch (error) {
      // decap-cms-core's ES modules import files without their extension, as bundlers allow.
      if (error.code === "ERR_UNSUPPORTED_DIR_IMPORT") return next(specifier + "/index.js", context);
      if (error.code === "ERR_MODULE_NOT_FOUND" && !specifier.endsWith(".js")) return next(specifier + ".js", context);
      throw error;
    }
  }`), import.meta.url);

const { readFileSync } = await import("node:fs");
const root = process.argv[2];
const { FrontmatterInfer } = await import(root + "/node_modules/decap-cms-core/dist/esm/formats/frontmatter.js");
const request = JSON.parse(readFileSync(0, "utf-8"));
const saved = {};
for (const path of request.files) {
  const data = FrontmatterInfer.fromFile(readFileSync(path, "utf-8"));
  saved[path] = FrontmatterInfer.toFile(data, request.fields[path], {});
}
process.stdout.write(JSON.stringify(saved));
