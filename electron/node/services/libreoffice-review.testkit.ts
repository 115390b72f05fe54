/**
 * LibreOffice as the judge of tracked changes (tests only): a headless Basic macro opens a
 * DOCX, runs Accept All or Reject All (Edit → Track Changes) and saves the text that results.
 * The same macro saves a DOCX as LibreOffice prints it (PDF) or writes it back (DOCX), so that
 * several readings share one LibreOffice start-up (most of a conversion's CPU).
 */
import fs from 'node:fs';
import path from 'node:path';
import { tempDir, tool } from '../export/readers.testkit';

const MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Review(inPath As String, mode As String, outPath As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), &quot;_blank&quot;, 0, args())
  dispatcher = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  If mode = &quot;accept&quot; Then dispatcher.executeDispatch(doc.CurrentController.Frame, &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  If mode = &quot;reject&quot; Then dispatcher.executeDispatch(doc.CurrentController.Frame, &quot;.uno:RejectAllTrackedChanges&quot;, &quot;&quot;, 0, Array())
  If mode = &quot;pdf&quot; Then
    Dim pdf(0) As New com.sun.star.beans.PropertyValue
    pdf(0).Name = &quot;FilterName&quot;
    pdf(0).Value = &quot;writer_pdf_Export&quot;
    doc.storeToURL(ConvertToURL(outPath), pdf())
  ElseIf mode = &quot;docx&quot; Then
    Dim word(0) As New com.sun.star.beans.PropertyValue
    word(0).Name = &quot;FilterName&quot;
    word(0).Value = &quot;MS Word 2007 XML&quot;
    doc.storeToURL(ConvertToURL(outPath), word())
  Else
    Dim out(1) As New com.sun.star.beans.PropertyValue
    out(0).Name = &quot;FilterName&quot;
    out(0).Value = &quot;Text (encoded)&quot;
    out(1).Name = &quot;FilterOptions&quot;
    out(1).Value = &quot;UTF8,LF&quot;
    doc.storeToURL(ConvertToURL(outPath), out())
  End If
  doc.close(True)
End Sub
</script:module>
`;

let profile: string | null = null;

/** A LibreOffice profile of its own holding the macro (made once per test process). */
function macroProfile(): string {
  if (profile) return profile;
  const dir = tempDir('lo-macro');
  tool('soffice', [`-env:UserInstallation=file://${dir}`, '--headless', '--terminate_after_init'], {
    timeout: 180_000,
  });
  const module = path.join(dir, 'user', 'basic', 'Standard', 'Module1.xba');
  if (!fs.existsSync(module)) throw new Error(`LibreOffice did not create its Basic library in ${dir}`);
  fs.writeFileSync(module, MACRO);
  profile = dir;
  return dir;
}

export type ReviewMode = 'accept' | 'reject' | 'none' | 'pdf' | 'docx';

/**
 * What LibreOffice makes of each DOCX file: its text after Accept All, Reject All, or as it opens
 * ('none'), or its PDF or the DOCX it saves as it opens ('pdf', 'docx'): one LibreOffice run, one macro call each, so its
 * start-up is paid once. Returns the paths of the files written.
 */
export function libreOfficeReview(requests: { docx: string; mode: ReviewMode }[]): string[] {
  const outs = requests.map(({ docx, mode }) => `${docx}.${mode}.${mode === 'pdf' || mode === 'docx' ? mode : 'txt'}`);
  outs.forEach((out) => fs.rmSync(out, { force: true }));
  const calls = requests.map(
    ({ docx, mode }, i) => `macro:///Standard.Module1.Review("${docx}","${mode}","${outs[i]}")`,
  );
  tool('soffice', [`-env:UserInstallation=file://${macroProfile()}`, '--headless', ...calls], { timeout: 300_000 });
  outs.forEach((out, i) => {
    if (!fs.existsSync(out)) throw new Error(`LibreOffice's macro wrote nothing for ${requests[i]!.docx}`);
  });
  return outs;
}
