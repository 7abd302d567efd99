// The money check's answers for tests: a lone parent of a girl of 4, renting privately for £650 a
// month in band B, taking home £400 a month, as the question pages' fields hold them.
import type { CheckAnswers } from '../../src/domain/money/questions.ts';

export const LONE_PARENT: CheckAnswers = {
  couple: 'no',
  age: '29',
  childCount: '1',
  'child-1-age': '4',
  'child-1-sex': 'female',
  youngAdults: '0',
  nonDependants: '0',
  lcwra: 'no',
  carer: 'no',
  home: 'private',
  rentMonthly: '650',
  councilTaxBand: 'B',
  takeHomeMonthly: '400',
  otherIncomeMonthly: '0',
  savings: '0',
  hourlyWage: '',
  situation: 'none',
};
