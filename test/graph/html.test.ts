/**
 * The HTML view in a real browser (Debian's /usr/bin/chromium through playwright-core):
 * click the blog's job and read its plan from the panel, zoom with the wheel, pan by
 * dragging, and save a screenshot to test/graph/output/blog-graph.png.
 *
 * Without chromium the test fails when CI is set, and skips (saying why) otherwise.
 */
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { describe, expect, it } from "vitest";
import blog from "../../packages/examples/blog/pipeline.ts";
import { drawGraph } from "../../packages/sdk/src/graph/index.ts";
import { repoRoot } from "../helpers/paths.ts";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = fs.existsSync(CHROMIUM);
const OUTPUT = resolve(repoRoot, "test/graph/output");
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

if (!hasChromium && !process.env.CI) {
  console.warn(`test/graph/html.test.ts skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);
}

describe("HTML view in Chromium", () => {
  it.skipIf(!hasChromium && !process.env.CI)("shows build-my-repo's plan when the job is clicked", async ({ annotate }) => {
    if (!hasChromium) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (apt-get install -y chromium)`);
    fs.mkdirSync(OUTPUT, { recursive: true });
    const userDataDir = fs.mkdtempSync(join(tmpdir(), "contrail-chromium-"));
    // The page goes to a temporary folder: only the screenshot is kept in test/graph/output.
    const page = join(userDataDir, "blog.html");
    fs.writeFileSync(page, await drawGraph(blog.synth().config, { format: "html", title: "blog" }));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      args: ARGS,
      viewport: { width: 1200, height: 600 },
    });
    try {
      const tab = await context.newPage();
      const requests: string[] = [];
      tab.on("request", (r) => {
        if (!r.url().startsWith("file:")) requests.push(r.url());
      });
      await tab.goto(pathToFileURL(page).href);
      await tab.locator('.view:not([hidden]) g.job[data-job="build-my-repo"]').click();
      const panel = tab.locator("#panel");
      await expect.poll(() => panel.getAttribute("data-job")).toBe("build-my-repo");
      const text = (await panel.textContent()) ?? "";
      for (const step of ["in_parallel", "get my-repo", "get ruby-img-tag", "load_var ruby_version", "task build", "put my-image"]) {
        expect(text).toContain(step);
      }
      expect(text).toContain("inputsmy-repo (trigger)ruby-img-tag (trigger)");
      expect(await tab.locator("g.job.selected").count()).toBe(1);

      const stage = tab.locator(".view:not([hidden]) .stage");
      const before = await stage.getAttribute("style");
      await tab.mouse.move(400, 300);
      await tab.mouse.wheel(0, -400);
      await expect.poll(() => stage.getAttribute("style")).not.toBe(before);
      await tab.mouse.wheel(0, 400);
      const zoomed = await stage.getAttribute("style");
      await tab.mouse.move(200, 200);
      await tab.mouse.down();
      await tab.mouse.move(260, 240, { steps: 4 });
      await tab.mouse.up();
      expect(await stage.getAttribute("style")).not.toBe(zoomed);
      expect(requests).toEqual([]);

      const screenshot = resolve(OUTPUT, "blog-graph.png");
      await tab.screenshot({ path: screenshot });
      expect(fs.statSync(screenshot).size).toBeGreaterThan(1000);
      console.log(`screenshot: ${screenshot}`);
      await annotate(`screenshot: ${screenshot}`, { path: screenshot, contentType: "image/png" });
      await tab.locator("#close").click();
      expect(await tab.locator("g.job.selected").count()).toBe(0);
    } finally {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    }
  });

  it.skipIf(!hasChromium && !process.env.CI)("has one tab per group, the first shown, as Concourse's groups bar", async () => {
    if (!hasChromium) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (apt-get install -y chromium)`);
    const pageDir = fs.mkdtempSync(join(tmpdir(), "contrail-graph-html-"));
    const page = join(pageDir, "groups.html");
    const config = {
      groups: [
        { name: "build", jobs: ["b*"] },
        { name: "ship", jobs: ["ship"] },
      ],
      jobs: [
        { name: "build", plan: [{ get: "src", trigger: true }, { put: "img" }] },
        { name: "ship", plan: [{ get: "img", passed: ["build"], trigger: true }] },
      ],
    };
    fs.writeFileSync(page, await drawGraph(config, { format: "html", title: "groups" }));
    const userDataDir = fs.mkdtempSync(join(tmpdir(), "contrail-chromium-"));
    const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, args: ARGS });
    try {
      const tab = await context.newPage();
      await tab.goto(pathToFileURL(page).href);
      expect(await tab.locator(".tab").allInnerTexts()).toEqual(["build", "ship"]);
      const visible = tab.locator(".view:not([hidden])");
      expect(await visible.getAttribute("data-name")).toBe("build");
      await tab.locator(".tab", { hasText: "ship" }).click();
      expect(await visible.getAttribute("data-name")).toBe("ship");
      expect(await visible.locator("g.job").count()).toBe(1);
      await visible.locator('g.job[data-job="ship"]').click();
      await expect.poll(() => tab.locator("#panel").textContent()).toContain("passed: build");
    } finally {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
      fs.rmSync(pageDir, { recursive: true, force: true });
    }
  });
});
