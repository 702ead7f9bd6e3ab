import { expect, test } from 'vitest';
import { panToShow } from './keep-visible';

const card = (x: number, y: number) => ({ x, y, width: 200, height: 60 });
const area = { x: 0, y: 0, width: 700, height: 500 };

test('a selection already inside the visible canvas does not move the view', () => {
  expect(panToShow([card(100, 100)], { x: 0, y: 0, zoom: 1 }, area)).toBeNull();
});

test('nothing selected does not move the view', () => {
  expect(panToShow([], { x: 0, y: 0, zoom: 1 }, area)).toBeNull();
});

test('a card cut off by a panel that docked at the right is panned left just inside the canvas', () => {
  expect(panToShow([card(900, 100)], { x: 0, y: 0, zoom: 1 }, area)).toEqual({ x: -424, y: 0, zoom: 1 });
});

test('a card above the canvas is panned down, at the same zoom', () => {
  expect(panToShow([card(100, -200)], { x: 10, y: 0, zoom: 0.5 }, area)).toEqual({
    x: 10,
    y: 124,
    zoom: 0.5,
  });
});

test('a selection wider than the canvas is centred in it', () => {
  const view = panToShow([card(0, 100), card(1400, 100)], { x: 0, y: 0, zoom: 1 }, area);
  expect(view).toEqual({ x: 350 - 800, y: 0, zoom: 1 });
});
