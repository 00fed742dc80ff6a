import { describe, expect, it } from 'vitest';
import { ACTION_BODY_BYTES, MAX_FILE_BYTES, REPORT_BODY_BYTES, base64Size, declaredMime, formatBytes, uploadProblems } from './upload-rules.js';

const MB = 1024 * 1024;

describe('uploadProblems', () => {
  it('accepts a few phone photos and a voice note in a report', () => {
    const files = [
      { name: 'IMG_0001.JPG', size: 3 * MB },
      { name: '路灯.png', size: 2 * MB },
      { name: '录音.m4a', size: 600 * 1024 },
    ];
    expect(uploadProblems(files, REPORT_BODY_BYTES)).toEqual([]);
  });

  it('names a file over 10 MB and a type the server will not take', () => {
    const problems = uploadProblems(
      [
        { name: 'video.JPG', size: MAX_FILE_BYTES + 1 },
        { name: 'notes.docx', size: 1000 },
      ],
      REPORT_BODY_BYTES,
    );
    expect(problems).toEqual([
      { kind: 'tooLarge', name: 'video.JPG', size: MAX_FILE_BYTES + 1 },
      { kind: 'unsupported', name: 'notes.docx' },
    ]);
  });

  it('refuses a tenth file', () => {
    const files = Array.from({ length: 10 }, (_, i) => ({ name: `p${i}.jpg`, size: 1000 }));
    expect(uploadProblems(files, REPORT_BODY_BYTES)).toEqual([{ kind: 'tooMany', max: 9 }]);
  });

  it('keeps the whole body under the route limit once base64 has grown it by a third', () => {
    // 1.5 MB of photos is 2 MB of base64: too much for an action (2 MB body), fine for a report.
    const files = [{ name: 'a.jpg', size: 1.5 * MB }];
    const [problem] = uploadProblems(files, ACTION_BODY_BYTES);
    expect(problem?.kind).toBe('totalTooLarge');
    expect(uploadProblems(files, REPORT_BODY_BYTES)).toEqual([]);
    expect(uploadProblems([{ name: 'a.jpg', size: 1 * MB }], ACTION_BODY_BYTES)).toEqual([]);
  });
});

describe('helpers', () => {
  it('declare the type the server sniffs, by extension', () => {
    expect(declaredMime('x.JPG')).toBe('image/jpeg');
    expect(declaredMime('voice.m4a')).toBe('audio/mp4');
    expect(declaredMime('readme')).toBeUndefined();
  });

  it('size base64 and people-readable sizes', () => {
    expect(base64Size(3)).toBe(4);
    expect(base64Size(4)).toBe(8);
    expect(formatBytes(850 * 1024)).toBe('850 KB');
    expect(formatBytes(3.25 * MB)).toBe('3.3 MB');
  });
});
