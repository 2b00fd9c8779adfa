/*
 * Translations of the widgets' messages, by locale (the Open edX MFE layout: one JSON catalog
 * per language under messages/, the English source in src/messages.js). Translators work on
 * transifex_input.json, which `npm run i18n_extract` writes from the source messages.
 */
import fr from './messages/fr.json';

const catalogs = {
  fr,
};

/* The catalog for `locale` ('fr-ca' falls back to 'fr'); English, the source, needs none. */
export function messagesFor(locale) {
  if (!locale) { return {}; }
  const lower = locale.toLowerCase();
  return catalogs[lower] || catalogs[lower.split('-')[0]] || {};
}

export default catalogs;
