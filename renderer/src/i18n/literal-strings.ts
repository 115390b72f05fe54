import ts from 'typescript';

/** Attributes whose text a person reads or hears. */
export const USER_FACING_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** Text that is not a word of any language may stay in the markup. */
export const ALLOWED_TEXT = new Set(['Rapporteur', 'DOCX', 'PDF', 'x²']);

export interface LiteralString {
  file: string;
  line: number;
  text: string;
  where: string;
}

const hasLetter = (s: string) => /\p{L}/u.test(s);

/** The string literals an expression can evaluate to (not those it only compares or passes to a call). */
function resultStrings(node: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node];
  if (ts.isTemplateExpression(node))
    return [node.head, ...node.templateSpans.flatMap((s) => [s.literal, ...resultStrings(s.expression)])];
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node))
    return resultStrings(node.expression);
  if (ts.isConditionalExpression(node)) return [...resultStrings(node.whenTrue), ...resultStrings(node.whenFalse)];
  if (ts.isBinaryExpression(node)) {
    const op = node.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return resultStrings(node.right);
    if (
      op === ts.SyntaxKind.BarBarToken ||
      op === ts.SyntaxKind.QuestionQuestionToken ||
      op === ts.SyntaxKind.PlusToken
    ) {
      return [...resultStrings(node.left), ...resultStrings(node.right)];
    }
  }
  return [];
}

function literalText(node: ts.Node): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node))
    return node.text;
  return node.getText();
}

/** User-facing words written into JSX (text, and the attributes above) instead of coming from the catalogues. */
export function findLiteralStrings(file: string, source: string): LiteralString[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: LiteralString[] = [];
  const report = (node: ts.Node, text: string, where: string) => {
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (!hasLetter(trimmed) || ALLOWED_TEXT.has(trimmed)) return;
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: trimmed, where });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text, 'text');
    else if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      for (const s of resultStrings(node.expression)) report(s, literalText(s), 'text');
    } else if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const name = node.name.getText(sf);
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text, name);
      else if (ts.isJsxExpression(init) && init.expression)
        for (const s of resultStrings(init.expression)) report(s, literalText(s), name);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}
