import { describe, expect, it } from 'vitest';

import messages from '../messages';
import catalogs, { messagesFor } from '.';
import transifexInput from './transifex_input.json';

const sourceIds = Object.values(messages).map((message) => message.id).sort();

describe('translations', () => {
  it('extracts every source message for translators (npm run i18n_extract)', () => {
    expect(Object.keys(transifexInput).sort()).toEqual(sourceIds);
    Object.values(messages).forEach((message) => {
      expect(transifexInput[message.id].string).toBe(message.defaultMessage);
    });
  });

  it('has no stale or missing entries in any catalog', () => {
    Object.values(catalogs).forEach((catalog) => expect(Object.keys(catalog).sort()).toEqual(sourceIds));
  });

  it('falls back from a regional locale to its language, and to the English source', () => {
    expect(messagesFor('fr-ca')).toBe(catalogs.fr);
    expect(messagesFor('de')).toEqual({});
  });
});
