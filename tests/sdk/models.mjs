// The SDK's own models as JSON Schema: generated from the TypeScript
// interfaces @ory/kratos-client ships (its api.ts), so a check against them
// is a check against what the SDK declares, not against our reading of
// Kratos. Generated once per install and cached beside node_modules.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import Ajv from "ajv";

const here = dirname(fileURLToPath(import.meta.url));
const cache = join(here, "node_modules", ".kratos-client-models.json");

function generate() {
  const require = createRequire(import.meta.url);
  const { createGenerator } = require("ts-json-schema-generator");
  const config = {
    path: join(here, "node_modules", "@ory", "kratos-client", "api.ts"),
    type: "*",
    skipTypeCheck: true,
    expose: "all",
    additionalProperties: true,
  };
  const schema = createGenerator(config).createSchema(config.type);
  writeFileSync(cache, JSON.stringify(schema));
  return schema;
}

const schema = existsSync(cache) ? JSON.parse(readFileSync(cache, "utf8")) : generate();
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addSchema(schema, "sdk");

// Strings the SDK types as `string` but documents as formats: checked too,
// since a client parsing them would fail on anything else.
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function formats(value, path, problems) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => formats(item, `${path}/${i}`, problems));
  } else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const at = `${path}/${key}`;
      if (/_at$/.test(key) && inner !== null && !RFC3339.test(String(inner))) {
        problems.push(`${at}: ${JSON.stringify(inner)} is not an RFC 3339 time`);
      }
      if ((key === "id" || key.endsWith("_id")) && typeof inner === "string" && !UUID.test(inner)
          && !path.endsWith("/attributes") && !path.endsWith("/error") && key !== "schema_id") {
        problems.push(`${at}: ${JSON.stringify(inner)} is not a UUID`);
      }
      formats(inner, at, problems);
    }
  }
}

/** Throws unless `value` is a valid `model` (a name from the SDK's api.ts). */
export function expectModel(model, value, what) {
  const validate = ajv.getSchema(`sdk#/definitions/${model}`);
  if (!validate) throw new Error(`the SDK has no model ${model}`);
  const problems = [];
  if (!validate(value)) {
    for (const e of validate.errors) problems.push(`${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  }
  // A schema's id is the config's name for it, not a UUID.
  formats(model === "IdentitySchemaContainer" ? { ...value, id: undefined } : value, "", problems);
  if (problems.length > 0) {
    throw new Error(`${what}: not a valid ${model}:\n  ${problems.slice(0, 12).join("\n  ")}\n${JSON.stringify(value).slice(0, 2000)}`);
  }
}
