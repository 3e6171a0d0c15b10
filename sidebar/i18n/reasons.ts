/** Duplicate reasons in the sidebar's language: the same catalogue the Duplicates tab is written with. */
export { reasonText } from '../../src/core/i18n/dedupe-reasons';
