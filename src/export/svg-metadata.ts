/**
 * The id of the `<metadata>` element that carries the document, so the SVG can be imported again.
 * A module of its own: the importer needs the id at start-up, the SVG writer loads on first export.
 */
export const SVG_METADATA_ID = 'wfm-topology-document';
