import { existsSync } from 'node:fs';

// Firefox and WebKit for the cross-browser smoke tests (test/xbrowser). Chromium's discovery is in
// chromium.ts beside this file. Each finder stops at once, saying how to install what is missing.

function firstExisting(candidates: (string | undefined)[]): string | undefined {
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/** Finds Firefox (ESR): $FIREFOX_PATH, then Debian's firefox-esr, then a plain firefox. */
export function findFirefox(): string {
  const found = firstExisting([
    process.env.FIREFOX_PATH,
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/usr/lib/firefox-esr/firefox-esr',
  ]);
  if (!found) {
    throw new Error(
      'No Firefox found for the Firefox smoke tests. Install it with:\n' +
        '  sudo apt-get install -y firefox-esr\n' +
        'or point FIREFOX_PATH at a Firefox binary.',
    );
  }
  return found;
}

/** Finds WebKitGTK's WebDriver: $WEBKIT_DRIVER_PATH, then Debian's /usr/bin/WebKitWebDriver. */
export function findWebKitDriver(): string {
  const found = firstExisting([
    process.env.WEBKIT_DRIVER_PATH,
    '/usr/bin/WebKitWebDriver',
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/WebKitWebDriver',
    '/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/WebKitWebDriver',
  ]);
  if (!found) {
    throw new Error(
      'No WebKitWebDriver found for the WebKit smoke tests. Install it with:\n' +
        '  sudo apt-get install -y webkit2gtk-driver xvfb\n' +
        'or point WEBKIT_DRIVER_PATH at a WebKitWebDriver binary.',
    );
  }
  return found;
}

/** Finds the MiniBrowser that WebKitWebDriver starts: $MINIBROWSER_PATH, then Debian's. */
export function findMiniBrowser(): string {
  const found = firstExisting([
    process.env.MINIBROWSER_PATH,
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser',
  ]);
  if (!found) {
    throw new Error(
      'No WebKitGTK MiniBrowser found for the WebKit smoke tests. Install it with:\n' +
        '  sudo apt-get install -y webkit2gtk-driver xvfb\n' +
        'or point MINIBROWSER_PATH at a MiniBrowser binary.',
    );
  }
  return found;
}
