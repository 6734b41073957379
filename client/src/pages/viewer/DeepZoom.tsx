import { useEffect, useRef } from 'react';
import OpenSeadragon from 'openseadragon';
import { vi } from '../../i18n/vi.js';
import type { WordBox } from '../../types.js';

/**
 * OpenSeadragon over the page's IIIF Image API 3 service (same origin, so the session cookie rides along and every
 * tile passes the server's access check). Matched words are overlays placed in image pixels = master pixels.
 */
export function DeepZoom({ infoUrl, boxes }: { infoUrl: string; boxes: WordBox[] }) {
  const host = useRef<HTMLDivElement>(null);
  const viewer = useRef<OpenSeadragon.Viewer | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const v = OpenSeadragon({
      element: host.current,
      tileSources: infoUrl,
      // Our own buttons below: OSD's default controls load images from a prefixUrl we do not ship.
      showNavigationControl: false,
      showNavigator: true,
      navigatorPosition: 'BOTTOM_RIGHT',
      maxZoomPixelRatio: 2,
      visibilityRatio: 0.8,
      gestureSettingsMouse: { clickToZoom: false },
    });
    viewer.current = v;
    return () => {
      v.destroy();
      viewer.current = null;
    };
  }, [infoUrl]);

  useEffect(() => {
    const v = viewer.current;
    if (!v) return;
    const draw = () => {
      v.clearOverlays();
      for (const w of boxes) {
        const [x0, y0, x1, y1] = w.box;
        const el = document.createElement('div');
        el.className = 'word-hit';
        el.title = w.text;
        el.dataset.testid = 'word-hit';
        v.addOverlay({ element: el, location: v.viewport.imageToViewportRectangle(x0, y0, x1 - x0, y1 - y0) });
      }
    };
    if (v.world.getItemCount() > 0) draw();
    else v.addOnceHandler('open', draw);
  }, [boxes, infoUrl]);

  const zoom = (f: number) => viewer.current?.viewport.zoomBy(f).applyConstraints();
  return (
    <div className="deep-zoom">
      <div className="toolbar">
        <button type="button" onClick={() => zoom(1.5)}>
          {vi.viewer.zoomIn}
        </button>
        <button type="button" onClick={() => zoom(1 / 1.5)}>
          {vi.viewer.zoomOut}
        </button>
        <button type="button" onClick={() => viewer.current?.viewport.goHome()}>
          {vi.viewer.home}
        </button>
      </div>
      <div ref={host} className="osd" data-testid="deep-zoom" />
    </div>
  );
}
