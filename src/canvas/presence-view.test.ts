import { expect, test } from 'vitest';
import { ZOOM_RANGE } from './fit';
import { sameViewport, toScreen, viewportShowing, visibleRect } from './presence-view';

test('a diagram point lands on the screen through the viewport, at any zoom and pan', () => {
  expect(toScreen({ x: 100, y: 50 }, [0, 0, 1])).toEqual({ x: 100, y: 50 });
  expect(toScreen({ x: 100, y: 50 }, [20, -10, 2])).toEqual({ x: 220, y: 90 });
  expect(toScreen({ x: -40, y: 0 }, [300, 200, 0.5])).toEqual({ x: 280, y: 200 });
});

test('the visible rectangle is the pane seen through the viewport', () => {
  expect(visibleRect(800, 600, [0, 0, 1])).toEqual({ x: 0, y: 0, width: 800, height: 600 });
  expect(visibleRect(800, 600, [-200, 100, 2])).toEqual({ x: 100, y: -50, width: 400, height: 300 });
});

test('showing a published view and reading it back gives the same rectangle in a pane of its shape', () => {
  const view = { x: 120, y: -40, width: 640, height: 360 };
  const viewport = viewportShowing(view, 1280, 720, ZOOM_RANGE);
  expect(viewport.zoom).toBe(2);
  expect(visibleRect(1280, 720, [viewport.x, viewport.y, viewport.zoom])).toEqual(view);
});

test('a pane of another shape shows all of the view, centred', () => {
  const view = { x: 0, y: 0, width: 1000, height: 500 };
  const viewport = viewportShowing(view, 500, 500, ZOOM_RANGE);
  expect(viewport.zoom).toBe(0.5);
  const seen = visibleRect(500, 500, [viewport.x, viewport.y, viewport.zoom]);
  expect(seen.x).toBeLessThanOrEqual(view.x);
  expect(seen.y).toBeLessThanOrEqual(view.y);
  expect(seen.x + seen.width).toBeGreaterThanOrEqual(view.x + view.width);
  expect(seen.y + seen.height).toBeGreaterThanOrEqual(view.y + view.height);
  expect(seen.y + seen.height / 2).toBe(view.y + view.height / 2);
});

test('the zoom stays in the canvas’s range for a tiny or a huge view', () => {
  expect(viewportShowing({ x: 0, y: 0, width: 1, height: 1 }, 1000, 800, ZOOM_RANGE).zoom).toBe(
    ZOOM_RANGE.maxZoom,
  );
  expect(viewportShowing({ x: 0, y: 0, width: 1e6, height: 1e6 }, 1000, 800, ZOOM_RANGE).zoom).toBe(
    ZOOM_RANGE.minZoom,
  );
});

test('viewports within half a pixel and a thousandth of zoom are the same', () => {
  expect(sameViewport([10, 20, 1], { x: 10.3, y: 19.8, zoom: 1.0004 })).toBe(true);
  expect(sameViewport([10, 20, 1], { x: 12, y: 20, zoom: 1 })).toBe(false);
  expect(sameViewport([10, 20, 1], { x: 10, y: 20, zoom: 1.1 })).toBe(false);
});
