import {
  AlertOutlined,
  ApartmentOutlined,
  CarryOutOutlined,
  DashboardOutlined,
  EditOutlined,
  EnvironmentOutlined,
  FireOutlined,
  HomeOutlined,
  ProfileOutlined,
  SendOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MenuItem } from './menu.js';

/** Icons of the menu entries, kept apart so menu.ts stays plain data. */
export const menuIcons: Record<MenuItem['icon'], ReactNode> = {
  home: <HomeOutlined />,
  org: <ApartmentOutlined />,
  map: <EnvironmentOutlined />,
  users: <TeamOutlined />,
  report: <EditOutlined />,
  mine: <ProfileOutlined />,
  dispatch: <SendOutlined />,
  tasks: <CarryOutOutlined />,
  supervision: <AlertOutlined />,
  cockpit: <DashboardOutlined />,
  hot: <FireOutlined />,
  settings: <SettingOutlined />,
};
