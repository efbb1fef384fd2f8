import { exportJsonSchema } from '../model/export.js';
import { parseCommandArgs, type Command } from './command.js';

export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of the JSON export (generated from the zod schemas)',
  usage: `filings schema

Prints the JSON Schema (draft 2020-12) that every "filings export --format json" output validates
against. The repository keeps a copy in schema/export.schema.json (npm run schema rewrites it).`,
  async run(args) {
    const { values } = parseCommandArgs(args, {});
    if (values.help) {
      console.log(this.usage);
      return 0;
    }
    console.log(JSON.stringify(exportJsonSchema(), null, 2));
    return 0;
  },
};
