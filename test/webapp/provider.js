// A wallet's EIP-1193 provider, injected into every document before its
// scripts run, as a browser extension injects window.ethereum. Each request
// goes to the test's wallet (window.__testWallet, a Go function exposed by
// chromedp) as JSON; the wallet answers {result} or {error: {code, message,
// data}}, which becomes a rejected promise with those members, as wallets
// reject.
(() => {
  if (window.ethereum) return;
  const listeners = {};
  const provider = {
    isEnigmaTestWallet: true,
    async request(args) {
      if (!args || typeof args.method !== "string") {
        throw Object.assign(new Error("request needs {method, params}"), { code: -32600 });
      }
      const answer = JSON.parse(await window.__testWallet(JSON.stringify({ method: args.method, params: args.params ?? [] })));
      if (answer.error) {
        throw Object.assign(new Error(answer.error.message), answer.error);
      }
      return answer.result;
    },
    on(event, fn) {
      (listeners[event] ??= []).push(fn);
      return provider;
    },
    removeListener(event, fn) {
      listeners[event] = (listeners[event] ?? []).filter((f) => f !== fn);
      return provider;
    },
  };
  Object.defineProperty(window, "ethereum", { value: provider, configurable: false, writable: false });
})();
