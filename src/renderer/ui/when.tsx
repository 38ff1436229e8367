import { useLanguage } from '../i18n/language';

/**
 * A moment on a screen: medium date and time in the reader's time zone (fmt.when), the exact instant with its zone
 * in the title, and the stored ISO time in the `time` element for assistive technology and tests.
 */
export function When({ iso, dayOnly = false }: { iso: string; dayOnly?: boolean }) {
  const { fmt } = useLanguage();
  return (
    <time dateTime={iso} title={fmt.whenExact(iso)}>
      {dayOnly ? fmt.day(iso) : fmt.when(iso)}
    </time>
  );
}
