import { FamilyNav } from "@/components/family/family-nav";

export default function FamilyLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <FamilyNav />
      {children}
    </>
  );
}
