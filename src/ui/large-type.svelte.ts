const KEY = 'powertrader:large-type';

/** A projector setting: the whole interface in larger type, remembered on this device. */
export class LargeType {
  on = $state(read());

  constructor() {
    apply(this.on);
  }

  toggle(): void {
    this.on = !this.on;
    apply(this.on);
    try {
      localStorage.setItem(KEY, this.on ? '1' : '0');
    } catch {
      // No storage here: the choice lasts until the page closes.
    }
  }
}

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

function apply(on: boolean): void {
  document.documentElement.classList.toggle('large-type', on);
}
