package testbin

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// Browser starts headless Chromium (exe, from Chromium) with a 1280×900
// window and a profile of the test's own; stop ends it.
func Browser(ctx context.Context, t testing.TB, exe string) (bctx context.Context, stop func()) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.Headless, chromedp.DisableGPU,
		chromedp.WindowSize(1280, 900), chromedp.UserDataDir(t.TempDir()))
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox)
	}
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(actx, chromedp.WithLogf(t.Logf))
	return bctx, func() { bcancel(); acancel() }
}

// SaveScreenshot saves a full-page screenshot of the browser's page as the
// test's artefact name, in $ENIGMA_ARTIFACTS (default .artifacts/ at the
// repository's root), and returns its path.
func SaveScreenshot(bctx context.Context, t testing.TB, name string) string {
	t.Helper()
	dir := os.Getenv("ENIGMA_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(RepoRoot(t), ".artifacts")
	}
	png, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
