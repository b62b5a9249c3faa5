/**
 * Stands in for a section file that does not exist yet. Framework routes an import of a missing `./<name>.js` in
 * this folder here (exact files win), so the registry can list files before they land. Exports no section.
 */
declare const observable: {params: {pending: string}};

/** The name of the missing section file this module stands in for (Framework fills it in at build time). */
export const pendingSectionFile: string = observable.params.pending;
