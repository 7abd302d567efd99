// The kinds of home the listing takes, in the words the public reads, and the information packs'
// tag for renting privately (plan steps with it link to the listing).
export type HomeType = 'flat' | 'house' | 'bungalow' | 'maisonette' | 'room';

export const HOME_TYPES: Record<HomeType, string> = {
  flat: 'Flat',
  house: 'House',
  bungalow: 'Bungalow',
  maisonette: 'Maisonette',
  room: 'Room in a shared home',
};

export const RENTING_PRIVATELY_TAG = 'finding-private-rented';
