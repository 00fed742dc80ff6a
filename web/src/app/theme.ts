import type { ThemeConfig } from 'antd';

/** The platform's look: a sober government blue, slightly rounded, readable on small screens. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fd1',
    colorInfo: '#1f5fd1',
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Segoe UI", Roboto, sans-serif',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0f2a5c', headerPadding: '0 16px', headerHeight: 56 },
    Menu: {
      darkItemBg: '#0f2a5c',
      darkSubMenuItemBg: '#0b2150',
      darkItemSelectedBg: '#1f5fd1',
    },
  },
};
