import { describe, expect, it } from 'vitest';
import { hasCoordinates, haversineMeters } from './geo.js';

describe('haversineMeters', () => {
  it('measures known distances', () => {
    // One degree of latitude is about 111.2 km anywhere.
    expect(haversineMeters({ lng: 116.4, lat: 39.9 }, { lng: 116.4, lat: 40.9 })).toBeCloseTo(111_195, -2);
    // Beijing (Tiananmen) to Shanghai (People's Square): about 1,067 km.
    const d = haversineMeters({ lng: 116.3975, lat: 39.9087 }, { lng: 121.4737, lat: 31.2304 });
    expect(d / 1000).toBeGreaterThan(1060);
    expect(d / 1000).toBeLessThan(1075);
    expect(haversineMeters({ lng: 120, lat: 30 }, { lng: 120, lat: 30 })).toBe(0);
  });

  it('accepts only finite, in-range coordinates', () => {
    expect(hasCoordinates({ lng: 120, lat: 30 })).toBe(true);
    expect(hasCoordinates({ lng: null, lat: 30 })).toBe(false);
    expect(hasCoordinates({ lng: 200, lat: 30 })).toBe(false);
    expect(hasCoordinates({ lng: Number.NaN, lat: 30 })).toBe(false);
  });
});
