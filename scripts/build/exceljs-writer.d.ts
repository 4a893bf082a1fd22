/** exceljs's streaming workbook writer, imported on its own (the package declares types only for its main entry). */
declare module 'exceljs/lib/stream/xlsx/workbook-writer.js' {
  const WorkbookWriter: unknown;
  export default WorkbookWriter;
}
