package actor

import "strings"

// firstNameGender is the gender of common first names in international
// news ('m' or 'f'). A name that is given to both is left out. The lists
// are the project's own, written from general knowledge.
func firstNameGender(name string) byte {
	return firstNames[name]
}

var firstNames = func() map[string]byte {
	m := make(map[string]byte, 1024)
	for _, n := range strings.Fields(maleNames) {
		m[n] = 'm'
	}
	for _, n := range strings.Fields(femaleNames) {
		m[n] = 'f'
	}
	return m
}()

const maleNames = `
Aaron Abdel Abdul Abdullah Abdulla Abu Adam Adrian Ahmad Ahmed Akbar Alan Albert Alberto Aleksandr Alejandro
Alessandro Alexander Alexandre Alexei Alexey Alfred Ali Alistair Amir Anders Andre Andrei Andrew Andrey Andy
Angelo Anthony Antonio Antony Anwar Arnold Arthur Ashraf Ayman Barack Bashar Ben Benjamin Benoit Bernard Bernie
Bill Bob Boris Brad Brian Bruce Carl Carlos Charles Chris Christopher Colin Craig Dan Daniel Dario
David Dennis Dick Dmitri Dmitry Donald Doug Douglas Duncan Ed Eduardo Edward Emmanuel Enrique Eric Erik Ernesto
Evgeny Fabio Faisal Farouk Felipe Fernando Francis Francisco Franco Francois François Frank Franz Fred Frederick
Gary Gennady George Georgi Gerald Gerhard Giorgio Giovanni Giuseppe Gordon Graham Greg Gregory Guido Gustavo
Hamid Hans Harold Harry Hassan Hamad Heinz Helmut Henri Henry Herbert Hosni Hugo Hussein Ian Ibrahim Igor
Ilya Imran Isaac Ismail Ivan Jack Jacob Jacques Jake James Jamal Jason Javier Jean Jeff Jeffrey Jeremy Jerry
Jim Jimmy Joachim Joe Johan Johann John Johnny Jon Jonathan Jorge Jose José Josef Joseph Juan Julian Julio
Justin Kamal Karl Keith Ken Kenneth Kevin Khalid Khaled Klaus Kofi Kurt Larry Leon Leonid Lionel Lloyd
Louis Luca Lucas Luis Luiz Mahmoud Manuel Marco Mario Mark Martin Massimo Matteo Matthew Maurice Max Mehmet
Michael Michel Miguel Mike Mikhail Miloslav Mitt Mohamed Mohammad Mohammed Muhammad Mustafa Nabil Narendra
Nasser Neil Nicholas Nick Nicolas Nicolai Nikolai Nikolay Nigel Norman Nouri Nuri Olaf Oleg Oliver Omar Oscar
Osama Pablo Paolo Patrick Paul Pedro Peter Philip Philippe Pierre Rafael Rahul Rajiv Ralph Ramon Randy Raul
Recep Reza Ricardo Richard Rick Robert Roberto Rodrigo Roger Roland Romano Ron Ronald Rudolf Rupert Russell
Saddam Said Salman Sam Samuel Scott Sean Sebastian Sergei Sergey Sergio Shimon Sigmar Silvio Simon Stefan Stephen
Steve Steven Stuart Sultan Tarek Tariq Ted Terry Thomas Tim Timothy Todd Tom Tony Umar Uri Valery Vasily Viktor
Victor Vincent Vitaly Vladimir Walter Werner Wilfried William Wolfgang Xavier Yasser Yitzhak Yuri Yury
Yusuf Zbigniew Ehud Benyamin Binyamin Moshe Avigdor Naftali Yair Abbas Mahmud Tayyip Hamza
Jens Lars Mats Sven Nils Henrik Rasmus Jose-Manuel Herman Mariano Enrico
Shinzo Junichiro Yoshihiko Naoto Xi Joko Najib Mahathir
Nawaz Asif Pervez Manmohan Atal Jair Inacio Evo Fidel
Juan-Manuel Alvaro Mauricio Vicente Andres Thabo Nelson Cyril Emmerson Yoweri
Uhuru Muhammadu Goodluck Olusegun Abiy Meles Isaias Salva Abdel-Fattah Abdelaziz Habib
Beji Zine Muammar Moammar Gamal Fattah Abdelmadjid Kais Rached Ahmet
Binali Kemal Bulent Ariel Menachem Reuven Hashem
Haider Adel Jalal Masoud Massoud Nechirvan Ali-Akbar Javad
Hafez Rifaat Maher Walid Saad Rafik Emile Tammam Nabih Fouad Sabah
Nayef Bandar Turki Abdulaziz Fahd Zayed Tamim Qaboos Haitham Khalifa
Yevgeny Vyacheslav Ramzan
Petro Volodymyr Arseniy Oleksandr Vitali Ilham Nikol Serzh Levon Mikheil Eduard
Frank-Walter Horst Joschka
Dominique Laurent Jean-Yves Jean-Marc Alain Keir Rishi
Wim Jean-Claude Guy Didier Andrej Milos Vaclav Lech Jaroslaw Bronislaw Aleksander
Mateusz Traian Dacian Boyko Rumen Alexis Antonis Kyriakos Andreas Nicos
`

const femaleNames = `
Abigail Ada Adriana Agnes Aisha Alexandra Alice Alicia Alison Amanda Amber Amelia Amy Ana Anastasia
Angela Angelina Anita Ann Anna Anne Annette Annie Antonia Aung Barbara Beatrice Benazir Betty Beverly Brenda
Bridget Brigitte Carla Carmen Carol Caroline Carolyn Catherine Cecilia Celine Charlotte Cheryl Christina
Christine Cindy Claire Clara Claudia Condoleezza Cristina Cynthia Daphne Deborah Debra Denise Diana Diane
Dilma Dolores Donna Doris Dorothy Edith Elena Elisabeth Elizabeth Ella Ellen Elsa Emily Emma Erika Esther Eva
Evelyn Federica Fiona Florence Frances Francesca Gabriela Gloria Grace Hannah Heather Heidi Helen
Helena Helle Hillary Ingrid Irene Iris Isabel Isabella Jacqueline Jane Janet Janice Jennifer Jessica Jill Joan
Joanna Joanne Josephine Joyce Judith Judy Julia Julie Juliet Karen Katherine Kathleen Kathryn Katie Kate Kelly
Kristina Laura Lauren Leila Linda Lisa Liz Louise Lucy Lydia Madeleine Margaret Margot Maria Marie Marina Marine
Marta Martha Mary Maureen Megan Melania Melissa Michelle Mildred Miriam Monica Nancy Natalia Natalie Natasha
Nicole Nina Nora Olga Olivia Pamela Patricia Paula Pauline Penelope Rachel Rebecca Rita Rosa Rose Ruth
Sally Samantha Sandra Sara Sarah Segolene Ségolène Sharon Sheila Silvia Sofia Sonia Sophia Sophie Stella
Susan Suzanne Svetlana Sylvia Tatiana Teresa Theresa Tina Ursula Valentina Valerie Vanessa Victoria Virginia
Vivian Wendy Yulia Yvonne Zoe Golda Indira Hasina Khaleda Megawati Corazon
Nkosazana Winnie
Kamala Nikki
Yingluck Jacinda Erna Mette Sanna Jutta
Kersti Dalia Vaira Tarja Benita Ewa Beata Viorica Kolinda Nataša Zuzana Maia Salome
Martine Christiane Rachida Najat Annalena
`
