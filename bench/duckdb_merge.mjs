#!/usr/bin/env node
// What a reviewer with DuckDB would do instead of `sightline merge CASE --format csv -o OUT`:
// read every agency CSV of a case folder (CASE/agencies/*.csv, in name order) into one table,
// parse the UK dates (and times, when a row has one) with strptime, order by that instant and
// then by input order (file order, then row order: the table's rowid, insertion order being
// kept), and write one CSV with COPY TO. Uses DuckDB's Node.js client (@duckdb/node-api, the
// version in bench/duckdb/package-lock.json, installed into bench/duckdb/node_modules by
// `scripts/install-deps.sh bench`), with the machine's Node.js (20 or later).
//
//     node bench/duckdb_merge.mjs CASE OUT.csv
//
// Both shapes of `sightline generate --corpus`:
//   standard   every file has the same header (Ref, Date, Time, ...; dates dd/mm/yyyy, times
//              hh:mm): one read_csv over all the files.
//   realistic  each NAME.csv has NAME.mapping.yaml beside it, giving the agency and which column
//              holds each field, one a line (`agency: "Eastmere Police"`, `  date: "Date of
//              contact"`): each file is read with its own column names into common columns, with
//              its agency; a time, when given, is 14:30, 14.30, 1430hrs or 2.30pm.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(new URL('./duckdb/package.json', import.meta.url));
const { DuckDBInstance } = require('@duckdb/node-api');

// The fields a realistic corpus's mapping names, in the order they are written out.
const FIELDS = ['ref', 'date', 'time', 'type', 'summary', 'subjects', 'child_seen', 'practitioner', 'to'];
// The times agencies write, after the day.
const TIME_FORMATS = ['%d/%m/%Y %H:%M', '%d/%m/%Y %H.%M', '%d/%m/%Y %H%Mhrs', '%d/%m/%Y %I.%M%p'];

const literal = (text) => `'${text.replaceAll("'", "''")}'`;
const ident = (text) => `"${text.replaceAll('"', '""')}"`;
const formats = `[${TIME_FORMATS.map(literal).join(', ')}]`;

// The agency and the columns a generated mapping file names (one `  field: "Header"` a line).
function readMapping(file) {
  const text = readFileSync(file, 'utf8');
  const agency = /^agency: "([^"]*)"/m.exec(text);
  const columns = {};
  let inColumns = false;
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) inColumns = line.startsWith('columns:');
    const m = inColumns && /^ {2}(\w+): "([^"]*)"/.exec(line);
    if (m) columns[m[1]] = m[2];
  }
  if (!agency || !columns.date) throw new Error(`${file}: no agency or no date column`);
  return { agency: agency[1], columns };
}

async function main(caseDir, out) {
  const dir = path.join(caseDir, 'agencies');
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().map((f) => path.join(dir, f));
  const mappingOf = (f) => f.slice(0, -'.csv'.length) + '.mapping.yaml';
  const realistic = files.length > 0 && existsSync(mappingOf(files[0]));
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const csv = (f) => `read_csv(${literal(f)}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')`;
  if (!realistic) {
    await c.run(`CREATE TABLE chronology AS SELECT filename AS Source, * EXCLUDE (filename)
                 FROM read_csv([${files.map(literal).join(', ')}], header = true, all_varchar = true,
                               delim = ',', quote = '"', escape = '"', filename = true)`);
    await c.run(`COPY (SELECT * FROM chronology
                       ORDER BY strptime(Date || ' ' || Time, '%d/%m/%Y %H:%M'), rowid)
                 TO ${literal(out)} (FORMAT csv, HEADER)`);
    return;
  }
  await c.run(`CREATE TABLE chronology (source VARCHAR, agency VARCHAR, ${FIELDS.map((f) => `${ident(f)} VARCHAR`).join(', ')})`);
  for (const f of files) {
    const { agency, columns } = readMapping(mappingOf(f));
    const cells = FIELDS.map((field) => (columns[field] ? ident(columns[field]) : 'NULL'));
    await c.run(`INSERT INTO chronology SELECT ${literal(path.relative(caseDir, f))}, ${literal(agency)}, ${cells.join(', ')}
                 FROM ${csv(f)}`);
  }
  await c.run(`COPY (SELECT * FROM chronology
                     ORDER BY CASE WHEN "time" IS NULL THEN strptime("date", '%d/%m/%Y')
                                   ELSE strptime("date" || ' ' || "time", ${formats}) END, rowid)
               TO ${literal(out)} (FORMAT csv, HEADER)`);
}

if (process.argv.length !== 4) {
  console.error('usage: node bench/duckdb_merge.mjs CASE OUT.csv');
  process.exit(64);
}
await main(process.argv[2], process.argv[3]);
