// Decap CMS's own code (decap-cms-core's ES modules, installed from npm) on the project's files.
//   node decap.mjs ROOT roundtrip: stdin {files: [...], fields: {path: [keys]}} -> {path: text saved by Decap}
//   node decap.mjs ROOT slug:      stdin {titles: [...], slug: {...slug settings}} -> {title: slug Decap makes}
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
const [root, command] = process.argv.slice(2);
const core = root + "/node_modules/decap-cms-core/dist/esm/";
const request = JSON.parse(readFileSync(0, "utf-8"));
const answer = {};
if (command === "roundtrip") {
  const { FrontmatterInfer } = await import(core + "formats/frontmatter.js");
  for (const path of request.files) {
    const data = FrontmatterInfer.fromFile(readFileSync(path, "utf-8"));
    answer[path] = FrontmatterInfer.toFile(data, request.fields[path], {});
  }
} else if (command === "slug") {
  const { sanitizeSlug } = await import(core + "lib/urlHelper.js");
  // prepareSlug of lib/formatters.js, copied: that module pulls in the whole configuration schema.
  const prepareSlug = (slug) => slug.trim().toLocaleLowerCase().replace(/[']/g, "").replace(/[.]/g, "-");
  for (const title of request.titles) answer[title] = sanitizeSlug(prepareSlug(String(title)), request.slug);
} else {
  throw new Error(`unknown command ${command}`);
}
process.stdout.write(JSON.stringify(answer));
