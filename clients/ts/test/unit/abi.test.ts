// The ABIs the client binds are the committed ones of the contracts' build
// (which the Go bindings are generated from): run `npm run abi` after a
// contract change.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ENIGMA_ABI, TOKEN_ABI } from "@enigma-go/client";
import { readJSON, repoRoot } from "./paths.js";

for (const [contract, abi] of [["Enigma", ENIGMA_ABI], ["EnigmaToken", TOKEN_ABI]] as const) {
  test(`src/abi holds contracts/ethereum/build/${contract}.abi (npm run abi regenerates it)`, () => {
    assert.deepEqual(abi, readJSON(join(repoRoot, "contracts", "ethereum", "build", `${contract}.abi`)));
  });
}
