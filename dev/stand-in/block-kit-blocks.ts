/** Layout blocks: the known block types, their own limits, and block_id / action_id uniqueness. */
import { type Checker, checkBoolean, checkCount, checkString, checkText, eachObject } from './block-kit-checks';
import { checkElement, checkImageElement } from './block-kit-elements';
import { isObject, type JsonObject } from './json';

type BlockRule = (check: Checker, block: JsonObject, path: string) => void;

function checkSection(check: Checker, block: JsonObject, path: string): void {
  if (block.text === undefined && block.fields === undefined) check.add(path, 'section needs text or fields');
  checkText(check, block.text, `${path}.text`, { max: 3000 });
  if (checkCount(check, block.fields, `${path}.fields`, { min: 1, max: 10 })) {
    block.fields.forEach((field, index) => {
      checkText(check, field, `${path}.fields[${index}]`, { max: 2000, required: true });
    });
  }
  if (block.accessory !== undefined) checkElement(check, block.accessory, `${path}.accessory`, 'accessory');
}

function checkHeader(check: Checker, block: JsonObject, path: string): void {
  checkText(check, block.text, `${path}.text`, { max: 150, plainOnly: true, required: true });
}

function checkContext(check: Checker, block: JsonObject, path: string): void {
  checkCount(check, block.elements, `${path}.elements`, { min: 1, max: 10, required: true });
  for (const { item, path: itemPath } of eachObject(check, block.elements, `${path}.elements`)) {
    if (item.type === 'image') checkImageElement(check, item, itemPath);
    else checkText(check, item, itemPath, { max: 3000, required: true });
  }
}

function checkActions(check: Checker, block: JsonObject, path: string): void {
  if (!checkCount(check, block.elements, `${path}.elements`, { min: 1, max: 25, required: true })) return;
  block.elements.forEach((element, index) => {
    checkElement(check, element, `${path}.elements[${index}]`, 'actions');
  });
}

function checkInput(check: Checker, block: JsonObject, path: string): void {
  checkText(check, block.label, `${path}.label`, { max: 2000, plainOnly: true, required: true });
  checkText(check, block.hint, `${path}.hint`, { max: 2000, plainOnly: true });
  checkBoolean(check, block.optional, `${path}.optional`);
  checkBoolean(check, block.dispatch_action, `${path}.dispatch_action`);
  if (block.element === undefined) check.add(`${path}.element`, 'required');
  else if (Array.isArray(block.element)) check.add(`${path}.element`, 'must be exactly one element, not an array');
  else checkElement(check, block.element, `${path}.element`, 'input');
}

function checkImageBlock(check: Checker, block: JsonObject, path: string): void {
  checkImageElement(check, block, path);
  checkText(check, block.title, `${path}.title`, { max: 2000, plainOnly: true });
}

function checkRichText(check: Checker, block: JsonObject, path: string): void {
  checkCount(check, block.elements, `${path}.elements`, { max: Number.MAX_SAFE_INTEGER, required: true });
}

function checkMarkdown(check: Checker, block: JsonObject, path: string): void {
  checkString(check, block.text, `${path}.text`, { max: 12000, min: 1, required: true });
}

function checkDivider(): void {}

/** The block types the validator accepts; anything else is reported as unknown. */
export const BLOCK_RULES: Record<string, BlockRule> = {
  section: checkSection,
  header: checkHeader,
  divider: checkDivider,
  context: checkContext,
  actions: checkActions,
  input: checkInput,
  image: checkImageBlock,
  rich_text: checkRichText,
  markdown: checkMarkdown,
};

/** The interactive elements of a block with their paths (for action_id uniqueness). */
export function elementsOf(block: JsonObject, path: string): { element: JsonObject; path: string }[] {
  const found: { element: JsonObject; path: string }[] = [];
  if (isObject(block.accessory)) found.push({ element: block.accessory, path: `${path}.accessory` });
  if (isObject(block.element)) found.push({ element: block.element, path: `${path}.element` });
  if (block.type === 'actions' && Array.isArray(block.elements)) {
    block.elements.forEach((element, index) => {
      if (isObject(element)) found.push({ element, path: `${path}.elements[${index}]` });
    });
  }
  return found;
}

function checkActionIdsUnique(check: Checker, block: JsonObject, path: string): void {
  const seen = new Map<string, string>();
  for (const { element, path: elementPath } of elementsOf(block, path)) {
    if (typeof element.action_id !== 'string') continue;
    const earlier = seen.get(element.action_id);
    if (earlier)
      check.add(`${elementPath}.action_id`, `duplicate action_id "${element.action_id}" (also at ${earlier})`);
    else seen.set(element.action_id, elementPath);
  }
}

/** Checks a `blocks` array: count, each block's rule, block_id length and uniqueness, action_id uniqueness. */
export function checkBlocks(check: Checker, blocks: unknown, path: string, maxBlocks: number): void {
  if (!checkCount(check, blocks, path, { max: maxBlocks })) return;
  const blockIds = new Map<string, string>();
  for (const { item: block, path: blockPath } of eachObject(check, blocks, path)) {
    const rule = typeof block.type === 'string' ? BLOCK_RULES[block.type] : undefined;
    if (!rule) {
      check.add(`${blockPath}.type`, `unknown block type ${JSON.stringify(block.type)}`);
      continue;
    }
    checkString(check, block.block_id, `${blockPath}.block_id`, { max: 255, min: 1 });
    if (typeof block.block_id === 'string') {
      const earlier = blockIds.get(block.block_id);
      if (earlier) check.add(`${blockPath}.block_id`, `duplicate block_id "${block.block_id}" (also at ${earlier})`);
      else blockIds.set(block.block_id, blockPath);
    }
    rule(check, block, blockPath);
    checkActionIdsUnique(check, block, blockPath);
  }
}
