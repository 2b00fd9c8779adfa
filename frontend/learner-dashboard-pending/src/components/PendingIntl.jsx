import React from 'react';
import PropTypes from 'prop-types';
import { IntlProvider, useIntl } from '@edx/frontend-platform/i18n';

import { messagesFor } from '../i18n';

/*
 * The MFE's locale, with this plugin's catalog: a plugin cannot add its messages to the catalog
 * the MFE handed to its IntlProvider at start-up, so each widget provides its own, in the locale
 * the MFE chose.
 */
// A locale without our catalog falls back to the English source: expected, not an error.
const reportIntlError = (error) => {
  if (error.code !== 'MISSING_TRANSLATION') { console.error(error); } // eslint-disable-line no-console
};

const PendingIntl = ({ children }) => {
  const { locale } = useIntl();
  return (
    <IntlProvider locale={locale} defaultLocale="en" messages={messagesFor(locale)} onError={reportIntlError}>
      {children}
    </IntlProvider>
  );
};

PendingIntl.propTypes = { children: PropTypes.node.isRequired };

export default PendingIntl;
