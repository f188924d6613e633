import { chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); `.ci/run` installs it where it is missing. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, no sandbox (CI containers run as root), and nothing that reaches the network on its own. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/**
 * Prints an HTML document to PDF (A4, backgrounds printed) with Debian's Chromium through playwright-core. The page
 * size and margins, and the header and footer on every page, come from the document's `@page` rules
 * ({@link buildReportHtml}). The browser is closed whatever happens.
 * @param html - a complete HTML document (self-contained: the report loads nothing from the network)
 * @param options - where Chromium is (default `/usr/bin/chromium`)
 * @returns the PDF file
 * @example (await renderPdf(buildReportHtml(input))).subarray(0, 5).toString() //=> '%PDF-'
 * @see docs/exports.md "The PDF"
 */
export async function renderPdf(html: string, options: { executablePath?: string } = {}): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: options.executablePath ?? CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true });
  } finally {
    await browser.close();
  }
}
