// Assembles WebAssembly text for the VM tests: reads a JSON object
// {name: wat source} on stdin and prints {name: base64 module} or
// {name: {"error": message}}.
const wabt = require('wabt');
let input = '';
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', async () => {
  const w = await wabt();
  const out = {};
  for (const [name, src] of Object.entries(JSON.parse(input))) {
    try {
      const mod = w.parseWat(name + '.wat', src, { multi_value: true, bulk_memory: true, simd: true });
      out[name] = Buffer.from(mod.toBinary({}).buffer).toString('base64');
      mod.destroy();
    } catch (e) {
      out[name] = { error: String(e.message || e) };
    }
  }
  process.stdout.write(JSON.stringify(out));
});
