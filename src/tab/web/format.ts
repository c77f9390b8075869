import { MOMENT_PATTERN } from '../shared/contract';

/** Times in the reader's language and time zone: "3 hours ago" next to "27 Nov 2026, 10:42". */
export class Times {
  private readonly absolute: Intl.DateTimeFormat;
  private readonly clock: Intl.DateTimeFormat;
  private readonly relative: Intl.RelativeTimeFormat;

  constructor(
    locale: string,
    private readonly now: () => number = Date.now,
  ) {
    this.absolute = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    this.clock = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
    this.relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  }

  absoluteOf(iso: string): string {
    return this.absolute.format(new Date(iso));
  }

  timeOf(iso: string): string {
    return this.clock.format(new Date(iso));
  }

  relativeOf(iso: string): string {
    const seconds = Math.round((Date.parse(iso) - this.now()) / 1000);
    const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
      ['year', 31_536_000],
      ['month', 2_592_000],
      ['day', 86_400],
      ['hour', 3_600],
      ['minute', 60],
    ];
    for (const [unit, size] of steps) {
      if (Math.abs(seconds) >= size) return this.relative.format(Math.round(seconds / size), unit);
    }
    return this.relative.format(seconds, 'second');
  }

  /** A server text with its moments left open (`⟨when:…⟩`, `⟨time:…⟩`), filled in for this reader. */
  fill(text: string): string {
    return text.replace(MOMENT_PATTERN, (_all, kind: string, iso: string) =>
      kind === 'time' ? this.timeOf(iso) : this.absoluteOf(iso),
    );
  }
}

/** A language tag the browser accepts, else English: `?locale=x` must not leave a blank page. */
export function usableLocale(requested: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(requested);
    return canonical ?? 'en-US';
  } catch {
    return 'en-US';
  }
}
