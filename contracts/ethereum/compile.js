#!/usr/bin/env node
// Compiles the contracts in src/ with the pinned solc from npm and writes
// <Name>.abi (JSON) and <Name>.bin (hex creation code) for each contract
// listed in CONTRACTS into the output directory (default: build/).
//
// The output is deterministic: fixed compiler version (package-lock.json),
// fixed optimizer settings and EVM version, and no metadata hash or CBOR
// trailer in the bytecode, so the committed artifacts can be regenerated
// byte for byte (internal/chain/bindings checks this).
//
// Usage: node compile.js [outdir]
'use strict';

const fs = require('fs');
const path = require('path');
const solc = require('solc');

const ROOT = __dirname;
const CONTRACTS = {
  'src/Enigma.sol': ['Enigma'],
  'src/EnigmaToken.sol': ['EnigmaToken'],
  'src/CallbackForwarder.sol': ['CallbackForwarder'],
  'src/SimAttestationVerifier.sol': ['SimAttestationVerifier'],
  'src/test/SelectionHarness.sol': ['SelectionHarness'],
  'src/test/CallbackTarget.sol': ['CallbackTarget'],
  'src/test/MerkleHarness.sol': ['MerkleHarness'],
  'src/examples/VotingETH.sol': ['VotingETH'],
};

function listSources(dir) {
  const out = [];
  for (const name of fs.readdirSync(path.join(ROOT, dir)).sort()) {
    const rel = path.posix.join(dir, name);
    const st = fs.statSync(path.join(ROOT, rel));
    if (st.isDirectory()) out.push(...listSources(rel));
    else if (name.endsWith('.sol')) out.push(rel);
  }
  return out;
}

function findImport(importPath) {
  const candidates = [path.join(ROOT, importPath), path.join(ROOT, 'node_modules', importPath)];
  for (const p of candidates) {
    if (fs.existsSync(p)) return { contents: fs.readFileSync(p, 'utf8') };
  }
  return { error: `import not found: ${importPath} (run make deps to install the npm packages)` };
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(ROOT, 'build'));
  const sources = {};
  for (const rel of listSources('src')) {
    sources[rel] = { content: fs.readFileSync(path.join(ROOT, rel), 'utf8') };
  }
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      optimizer: { enabled: true, runs: 200 },
      viaIR: true,
      evmVersion: 'cancun',
      metadata: { bytecodeHash: 'none', appendCBOR: false },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport }));
  let failed = false;
  for (const e of output.errors || []) {
    if (e.severity === 'error') failed = true;
    process.stderr.write(e.formattedMessage + '\n');
  }
  if (failed) process.exit(1);

  fs.mkdirSync(outDir, { recursive: true });
  for (const [file, names] of Object.entries(CONTRACTS)) {
    for (const name of names) {
      const c = output.contracts[file] && output.contracts[file][name];
      if (!c) {
        process.stderr.write(`compile.js: ${name} not found in ${file}\n`);
        process.exit(1);
      }
      fs.writeFileSync(path.join(outDir, name + '.abi'), JSON.stringify(c.abi, null, 2) + '\n');
      fs.writeFileSync(path.join(outDir, name + '.bin'), c.evm.bytecode.object);
      const runtime = c.evm.deployedBytecode.object.length / 2;
      process.stderr.write(`${name}: ${runtime} bytes of runtime code\n`);
    }
  }
  fs.writeFileSync(path.join(outDir, 'solc-version.txt'), solc.version() + '\n');
}

main();
