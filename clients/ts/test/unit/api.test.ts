import { test } from "node:test";
import assert from "node:assert/strict";
import * as pkg from "@enigma-go/client";

test("the package exports its entry points and codes", () => {
  assert.equal(typeof pkg.connect, "function");
  assert.equal(typeof pkg.Enigma.connect, "function");
  assert.equal(pkg.Code.Tampered, 1201);
  assert.equal(pkg.CodeInvalidInput, 1100);
  assert.equal(pkg.codeName(1205), "WrongEpoch");
  const e = new pkg.EnigmaError(pkg.Code.WrongEpoch, "x");
  assert.ok(e instanceof Error);
  assert.equal(pkg.codeOf(e), 1205);
});
