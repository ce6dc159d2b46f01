// `npm run bench`: performance targets of the issues, each measured against a
// baseline in the same run (ratios matter, absolute times vary by machine).
// `npm run bench -- geo` runs only the benches whose name contains "geo".
type BenchResult = { name: string; value: number; unit: string; baseline?: { name: string; value: number }; ratio?: number; target?: string };
type Bench = { name: string; load: () => Promise<{ run: () => Promise<BenchResult[]> }> };

const benches: Bench[] = [
  { name: "geo: point dans un QPV", load: () => import("../src/geo/point-in-qpv.bench.ts") },
  { name: "geocoder: géocodage hors ligne", load: () => import("../src/geocoder/geocoder.bench.ts") },
  { name: "score-qpv: lecture des exports RH", load: () => import("../src/score-qpv/score.bench.ts") },
  { name: "score-qpv: de bout en bout", load: () => import("../src/score-qpv/score-end-to-end.bench.ts") },
  { name: "plateforme: recherche d'offres et boîte de réception sous charge", load: () => import("../src/demo/platform.bench.ts") },
];

const format = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });
const filter = process.argv.slice(2);

for (const bench of benches.filter((b) => !filter.length || filter.some((f) => b.name.includes(f)))) {
  console.log(`\n## ${bench.name}`);
  const results = await (await bench.load()).run();
  for (const r of results) {
    const baseline = r.baseline ? `  | référence « ${r.baseline.name} » : ${format.format(r.baseline.value)} ${r.unit}` : "";
    const ratio = r.ratio !== undefined ? `  | ratio ×${format.format(r.ratio)}` : "";
    const target = r.target ? `  | objectif ${r.target}` : "";
    console.log(`- ${r.name} : ${format.format(r.value)} ${r.unit}${baseline}${ratio}${target}`);
  }
}
