// liquidjs side of the benchmark: node liquidjs_bench.js TEMPLATE DATA.jsonl OUT
// Parses the template once, renders once per line (JSON.parse + renderSync), writes the
// concatenated output, prints "renders=N seconds=S".
const fs = require('fs');
const readline = require('readline');
const { Liquid } = require('liquidjs');
const [tplPath, dataPath, outPath] = process.argv.slice(2);
const engine = new Liquid({ ownPropertyOnly: true });
const tpl = engine.parse(fs.readFileSync(tplPath, 'utf8'));
const lines = fs.readFileSync(dataPath, 'utf8').split('\n').filter((l) => l.length > 0);
const parts = [];
const t0 = process.hrtime.bigint();
for (const line of lines) parts.push(engine.renderSync(tpl, JSON.parse(line)));
const t1 = process.hrtime.bigint();
fs.writeFileSync(outPath, parts.join(''));
console.log(`renders=${lines.length} seconds=${Number(t1 - t0) / 1e9}`);
