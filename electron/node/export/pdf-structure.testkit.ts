/**
 * What pypdf (a PDF reader we did not write) finds in a PDF: the catalogue's language and XMP
 * metadata, the tagged structure (roles, notes and the page of their call, tables and the pages
 * of each row), link annotations, the bookmark outline and the page sizes. Tests only.
 */
import { tool } from './readers.testkit';

export interface PdfStructure {
  lang: string;
  xmp: string;
  roles: Record<string, number>;
  /** Every /Note: the page its text is on and the page of the call just before it. */
  notes: { page: number | null; callPage: number | null }[];
  /** Every /Table: its rows (with the pages each row's content is on) and whether it has a /THead. */
  tables: { thead: boolean; rows: number[][] }[];
  /** Headings in document order: role (/H1…) and text is not read here. */
  headings: string[];
  /** The alternative text of every /Figure. */
  figures: string[];
  links: { page: number; uri: string | null; destPage: number | null }[];
  outline: { title: string; level: number; page: number | null }[];
  pageSizes: [number, number][];
  /** Per page, the subtypes of its artifacts (page furniture kept out of the structure: Header, Footer…). */
  artifacts: string[][];
}

const SCRIPT = String.raw`
import json, re, sys, pypdf
from pypdf.generic import IndirectObject

def structure(path):
    r = pypdf.PdfReader(path)
    root = r.trailer['/Root']
    page_of = {p.indirect_reference.idnum: i + 1 for i, p in enumerate(r.pages)}
    annot_page = {}
    named = r.named_destinations
    links = []
    for i, p in enumerate(r.pages):
        for a in (p.get('/Annots') or []):
            ref = a
            a = a.get_object()
            if isinstance(ref, IndirectObject): annot_page[ref.idnum] = i + 1
            if a.get('/Subtype') != '/Link': continue
            act = a.get('/A')
            act = act.get_object() if act is not None else None
            uri = act.get('/URI') if act is not None else None
            dest = a.get('/Dest') if a.get('/Dest') is not None else (act.get('/D') if act is not None else None)
            dest_page = None
            if dest is not None:
                d = dest.get_object()
                if isinstance(d, str) and d in named:
                    try: dest_page = r.get_destination_page_number(named[d]) + 1
                    except Exception: pass
                elif isinstance(d, list) and len(d) and hasattr(d[0], 'idnum'): dest_page = page_of.get(d[0].idnum)
            links.append({'page': i + 1, 'uri': str(uri) if uri is not None else None, 'destPage': dest_page})

    def obj(x): return x.get_object() if hasattr(x, 'get_object') else x
    def kids(e):
        k = e.get('/K')
        if k is None: return []
        return [obj(c) for c in (k if isinstance(k, list) else [k])]
    def pages_in(e, default=None):
        e = obj(e)
        out = set()
        pg = e.get('/Pg') if isinstance(e, dict) else None
        here = page_of.get(pg.idnum) if pg is not None else default
        for c in kids(e) if isinstance(e, dict) else []:
            if isinstance(c, dict) and '/S' in c: out |= pages_in(c, here)
            elif isinstance(c, dict) and c.get('/Type') == '/MCR':
                p = c.get('/Pg'); out.add(page_of.get(p.idnum) if p is not None else here)
            elif isinstance(c, dict) and c.get('/Type') == '/OBJR':
                o = c.get('/Obj')
                if o is not None and o.idnum in annot_page: out.add(annot_page[o.idnum])
            elif isinstance(c, int) and here is not None: out.add(here)
        return out

    roles, notes, tables, headings, figures = {}, [], [], [], []
    def walk(e):
        s = e.get('/S')
        if s is not None:
            roles[s] = roles.get(s, 0) + 1
            if s in ('/H1', '/H2', '/H3', '/H4', '/H5', '/H6'): headings.append(s)
            if s == '/Figure': figures.append(str(e.get('/Alt', '')))
            if s == '/Table':
                rows = []
                def rows_of(x):
                    for c in kids(x):
                        if isinstance(c, dict) and c.get('/S') == '/TR': rows.append(sorted(p for p in pages_in(c) if p is not None))
                        elif isinstance(c, dict) and '/S' in c: rows_of(c)
                rows_of(e)
                tables.append({'thead': any(isinstance(c, dict) and c.get('/S') == '/THead' for c in kids(e)), 'rows': rows})
        last_call = None
        for c in kids(e):
            if not (isinstance(c, dict) and '/S' in c): continue
            if c.get('/S') == '/Lbl': last_call = c
            if c.get('/S') == '/Note':
                note_pages = sorted(p for p in pages_in(c) if p is not None)
                call_pages = sorted(p for p in pages_in(last_call) if p is not None) if last_call is not None else []
                notes.append({'page': note_pages[0] if note_pages else None, 'callPage': call_pages[0] if call_pages else None})
                last_call = None
            walk(c)
    walk(root['/StructTreeRoot'].get_object())

    outline = []
    def walk_outline(items, level):
        for it in items:
            if isinstance(it, list): walk_outline(it, level + 1)
            else:
                try: pn = r.get_destination_page_number(it) + 1
                except Exception: pn = None
                outline.append({'title': str(it.title), 'level': level, 'page': pn})
    walk_outline(r.outline, 1)

    meta = root.get('/Metadata')
    return {
        'lang': str(root.get('/Lang', '')),
        'xmp': meta.get_object().get_data().decode('utf-8', 'replace') if meta is not None else '',
        'roles': roles, 'notes': notes, 'figures': figures, 'tables': tables, 'headings': headings, 'links': links, 'outline': outline,
        'pageSizes': [[float(p.mediabox.width), float(p.mediabox.height)] for p in r.pages],
        'artifacts': [sorted({m.decode() for m in re.findall(rb'/Artifact\s*<<[^>]*?/Subtype\s*/(\w+)', p.get_contents().get_data() if p.get_contents() else b'')}) for p in r.pages],
    }

print(json.dumps([structure(p) for p in sys.argv[1:]]))
`;

/** Reads a PDF with pypdf (Debian's python3-pypdf). */
export function pdfStructure(pdf: string): PdfStructure {
  return pdfStructures([pdf])[0]!;
}

/** Reads several PDFs with pypdf in one python3 run: its start-up and pypdf's import are paid once. */
export function pdfStructures(pdfs: string[]): PdfStructure[] {
  try {
    return JSON.parse(tool('/usr/bin/python3', ['-c', SCRIPT, ...pdfs])) as PdfStructure[];
  } catch (err) {
    if (/No module named 'pypdf'/.test(String(err)))
      throw new Error('pypdf is not installed; install it with: apt-get install python3-pypdf', { cause: err });
    throw err;
  }
}
