// Date and time formatters, each made once per time zone. Making an Intl.DateTimeFormat costs about
// 70 µs (it loads the locale and the time zone's rules); using one costs about 1 µs. The queue
// formats several times a row and the report figures millions of times a count, so a formatter
// made on every call was a fifth of a queue page's time.

/**
 * A formatter of these options in any time zone: `inZone(timeZone)` makes it on first use and
 * keeps it (looked up by the zone's name alone, so using it costs no more than a made one).
 */
export function zonedFormatter(locale: string, options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>) {
  const made = new Map<string, Intl.DateTimeFormat>();
  return function inZone(timeZone: string): Intl.DateTimeFormat {
    let format = made.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
      made.set(timeZone, format);
    }
    return format;
  };
}
