/** Words the document renderers print around a document's own words (HTML, Word, Excel, PDF). Part of the English catalogue (../en.ts). */
export const documentsWords = {
  documents: {
    contents: 'Contents',
    chartData: 'Data for the chart: {title}',
    chartImage: 'Chart: {title}',
    sheetFacts: 'About this document',
    factLabel: 'Item',
    factValue: 'Detail',
    tone: {
      red: 'Red',
      amber: 'Amber',
      green: 'Green',
      blue: 'Blue',
      grey: 'Grey',
    },
  },
};
