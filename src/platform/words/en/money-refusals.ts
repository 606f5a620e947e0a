/**
 * Why money refuses a form, an import row or an API request: stored phrases (phraseText) the domain
 * and services return, said where they leave the app. {label} is an amount's name from
 * moneyFields. Part of the English catalogue (../en.ts).
 */
export const moneyRefusalsWords = {
  moneyRefusals: {
    chooseFile: 'Choose a CSV or Excel file, or paste the CSV including its header row',
    chooseYear: 'Choose a financial year',
    choosePeriod: 'Choose a period from 1 to 12',
    chooseYearAndPeriod: 'Choose a financial year and a period from 1 to 12',
  },
};
