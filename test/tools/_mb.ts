import { chromium } from 'playwright';
import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium.ts';
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage();
const code = readFileSync('/tmp/prof/mb.js', 'utf8');
const url = 'data:text/javascript;base64,' + Buffer.from(code + ';postMessage(globalThis.__out)').toString('base64');
console.log(await page.evaluate((u) => new Promise((res) => { const w = new Worker(u); w.onmessage = (e) => res(e.data); w.onerror=(e)=>res(String(e.message)); }), url));
await browser.close();
