"""Reads the Word comments of a DOCX with python-docx (tests only). Prints JSON: each comment
(id, author, initials, date, text, its parent's id for a reply, done), and the document text
each comment's range covers."""
import json, sys
import docx

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
W14 = '{http://schemas.microsoft.com/office/word/2010/wordml}'
W15 = '{http://schemas.microsoft.com/office/word/2012/wordml}'

d = docx.Document(sys.argv[1])
parts = {str(p.partname): p for p in d.part.package.iter_parts()}

def xml_of(name):
    p = parts.get(name)
    if p is None: return None
    from lxml import etree
    return etree.fromstring(p.blob)

comments, para_of = [], {}
root = xml_of('/word/comments.xml')
for c in (root.iter(W + 'comment') if root is not None else []):
    paras = c.findall(W + 'p')
    pid = paras[-1].get(W14 + 'paraId') if paras else None
    para_of[pid] = c.get(W + 'id')
    comments.append({
        'id': c.get(W + 'id'), 'author': c.get(W + 'author'), 'initials': c.get(W + 'initials'), 'date': c.get(W + 'date'),
        'text': '\n'.join(''.join(t.text or '' for t in p.iter(W + 't')) for p in paras), 'paraId': pid,
    })
ext = xml_of('/word/commentsExtended.xml')
extended = {}
for e in (ext.iter(W15 + 'commentEx') if ext is not None else []):
    extended[e.get(W15 + 'paraId')] = {'parent': para_of.get(e.get(W15 + 'paraIdParent')), 'done': e.get(W15 + 'done') == '1'}
for c in comments:
    x = extended.get(c.pop('paraId'), {})
    c['parent'] = x.get('parent')
    c['done'] = x.get('done', False)

# The text each range covers, in document order (ranges may cross paragraphs: joined by a space).
anchored, open_ids, ends, refs = {}, [], [], []
for el in d.element.body.iter():
    if el.tag == W + 'commentRangeStart':
        open_ids.append(el.get(W + 'id')); anchored.setdefault(el.get(W + 'id'), '')
    elif el.tag == W + 'commentRangeEnd':
        i = el.get(W + 'id')
        if i in open_ids: open_ids.remove(i)
        ends.append(i)
    elif el.tag == W + 'commentReference':
        refs.append(el.get(W + 'id'))
    elif el.tag == W + 't':
        for i in open_ids: anchored[i] += el.text or ''
    elif el.tag == W + 'p':
        for i in open_ids:
            if anchored[i]: anchored[i] += ' '
print(json.dumps({'comments': comments, 'anchored': {k: ' '.join(v.split()) for k, v in anchored.items()}, 'ends': ends, 'references': refs}))
