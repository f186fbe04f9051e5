/** What the person who chose "Propose for the catalog" is told at once (the link follows in the thread). */
export function proposedForCatalogText(proposed: { itemId: string; catalogId: string; times: number }): string {
  const again = proposed.times > 1 ? ' again (the same entry, updated)' : '';
  return (
    `Proposed ${proposed.itemId} for the catalog${again} as \`${proposed.catalogId}\`: AppSec will review it ` +
    'in the export repository; the link follows in the thread.'
  );
}
