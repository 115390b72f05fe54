"""Reads a DOCX with python-docx as Word would show it after Accept All or Reject All
(tests only). Prints JSON: the body's paragraphs, the notes' texts, and the revisions found.

Accept All: deleted runs go, inserted runs stay; a paragraph whose end is deleted joins
the next one; a deleted table row goes. Reject All: the other way round.
Usage: python3 tracked-changes.testkit.py <file.docx> accept|reject|plain [<file.docx> <mode>…]
Several readings in one run print a JSON list, one reading per pair (python-docx is imported once).
"""
import json
import re
import sys

import docx
from docx.oxml.ns import qn

INS, DEL = qn('w:ins'), qn('w:del')
# What the current reading's mode removes: in plain mode nothing (a document without revisions is read as it is).
GONE = None


def removed(el):
    """Inside a revision that this mode removes."""
    p = el.getparent()
    while p is not None and p.tag != qn('w:p'):
        if p.tag == GONE:
            return True
        p = p.getparent()
    return False


def para_text(p):
    out = []
    for el in p.iter():
        if el.tag in (qn('w:t'), qn('w:delText'), qn('w:tab'), qn('w:br'), qn('w:footnoteReference'), qn('w:endnoteReference')):
            if removed(el):
                continue
            if el.tag in (qn('w:t'), qn('w:delText')):
                out.append(el.text or '')
            elif el.tag == qn('w:tab'):
                out.append('\t')
            elif el.tag == qn('w:br'):
                out.append('\n')
            else:
                out.append('^')
    return ''.join(out)


def mark_removed(p):
    """The paragraph's end is removed in this mode: it joins the next paragraph."""
    rpr = p.find(qn('w:pPr') + '/' + qn('w:rPr'))
    return GONE is not None and rpr is not None and rpr.find(GONE) is not None


def row_removed(p):
    el = p.getparent()
    while el is not None:
        if el.tag == qn('w:tr'):
            trpr = el.find(qn('w:trPr'))
            if GONE is not None and trpr is not None and trpr.find(GONE) is not None:
                return True
        el = el.getparent()
    return False


def in_contents(p):
    """Inside the table of contents: a field Word fills in again, not text of the report."""
    return any(a.tag == qn('w:sdt') for a in p.iterancestors())


# A heading's label ("B.", "Unit II.", "Annex 1") is text or Word's list numbering, as the writer
# chooses; either way Word shows it, so it is left out of the text compared.
LABEL = re.compile(r'^(?:(?:Unit|Session|Annex|Part|Chapter|Section) )?(?:[IVXLCDM]+|[A-Z]|\d+(?:\.\d+)*)[.:]?\s+')


def is_heading(p):
    style = p.find(qn('w:pPr') + '/' + qn('w:pStyle'))
    return style is not None and (style.get(qn('w:val')) or '').startswith('Heading')


def paragraphs(root):
    out, carry = [], ''
    for p in root.iter(qn('w:p')):
        if row_removed(p) or in_contents(p):
            continue
        own = para_text(p)
        text = carry + (LABEL.sub('', own, count=1) if is_heading(p) else own)
        if mark_removed(p):
            carry = text
            continue
        out.append(text)
        carry = ''
    if carry:
        out.append(carry)
    return out


def read(path, mode):
    global GONE
    GONE = {'accept': DEL, 'reject': INS}.get(mode)
    document = docx.Document(path)
    notes = []
    for rel in document.part.rels.values():
        if rel.reltype.endswith('/footnotes'):
            from lxml import etree
            root = etree.fromstring(rel.target_part.blob)
            for fn in root.findall(qn('w:footnote')):
                if int(fn.get(qn('w:id'))) <= 0 or fn.get(qn('w:type')) in ('separator', 'continuationSeparator'):
                    continue
                text = '\n'.join(paragraphs(fn)).strip()
                if text:
                    notes.append(text)

    body = document.element.body
    revs = [el for el in body.iter() if el.tag in (INS, DEL)]
    return {
        'body': paragraphs(body),
        'notes': notes,
        'revisions': {
            'ins': sum(1 for r in revs if r.tag == INS),
            'del': sum(1 for r in revs if r.tag == DEL),
            'authors': sorted({r.get(qn('w:author')) for r in revs}),
            'dates': sorted({r.get(qn('w:date')) for r in revs}),
            'ids': len({r.get(qn('w:id')) for r in revs}),
        },
    }


pairs = list(zip(sys.argv[1::2], sys.argv[2::2]))
readings = [read(path, mode) for path, mode in pairs]
print(json.dumps(readings[0] if len(readings) == 1 else readings, ensure_ascii=False))
